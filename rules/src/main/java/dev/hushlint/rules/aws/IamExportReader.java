package dev.hushlint.rules.aws;

import dev.hushlint.engine.InputException;
import dev.hushlint.engine.InputReader;
import dev.hushlint.engine.TextFile;
import dev.hushlint.rules.tree.Node;

/** Reads the JSON that {@code aws iam get-account-authorization-details} prints, recognised by content. */
public final class IamExportReader implements InputReader<IamExport> {

    @Override
    public Class<IamExport> inputType() {
        return IamExport.class;
    }

    @Override
    public boolean accepts(TextFile file) {
        return file.extension().equals("json")
                && (file.text().contains("\"RoleDetailList\"") || file.text().contains("\"PolicyVersionList\""));
    }

    @Override
    public IamExport read(TextFile file) throws InputException {
        Node root = ExportFiles.parse(file);
        return AwsExports.isInventory(root) ? null : AwsExports.iam(file.path(), root);
    }
}
