package dev.hushlint.rules.aws;

import dev.hushlint.engine.Fact;
import dev.hushlint.engine.Indexer;

import java.util.ArrayList;
import java.util.List;

/** Publishes the roles and managed policies of an IAM export as scan-wide facts, so functions find them. */
public final class IamExportIndexer implements Indexer<IamExport> {

    @Override
    public Class<IamExport> inputType() {
        return IamExport.class;
    }

    @Override
    public List<Fact<?>> index(IamExport export) {
        List<Fact<?>> facts = new ArrayList<>();
        export.roles().forEach(r -> facts.add(AwsFacts.ROLES.of(r)));
        export.policies().forEach(p -> facts.add(AwsFacts.MANAGED_POLICIES.of(p)));
        return facts;
    }
}
