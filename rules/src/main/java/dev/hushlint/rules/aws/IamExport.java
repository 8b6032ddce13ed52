package dev.hushlint.rules.aws;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** The roles and managed policies one file describes ({@code aws iam get-account-authorization-details}). */
public record IamExport(Path file, List<IamRole> roles, List<ManagedPolicy> policies) {

    public IamExport {
        Objects.requireNonNull(file, "file");
        roles = List.copyOf(roles);
        policies = List.copyOf(policies);
    }
}
