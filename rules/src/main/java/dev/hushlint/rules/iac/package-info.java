/**
 * Infrastructure-as-code inputs and the {@code iac/*} rules.
 *
 * <p>{@link dev.hushlint.rules.iac.TemplateReader} recognises templates by content and builds one
 * {@link dev.hushlint.rules.iac.Template} model for every format: CloudFormation and SAM (YAML through
 * {@link dev.hushlint.rules.tree.YamlTree}, JSON through {@link dev.hushlint.rules.tree.JsonTree}; CDK's
 * {@code cdk.out/*.template.json} is CloudFormation JSON), Serverless Framework ({@code serverless.yml}),
 * Terraform plan JSON and Terraform {@code .tf} files ({@link dev.hushlint.rules.iac.hcl.HclParser}). The model
 * holds what the rules judge — Lambda functions with their merged environments (SAM {@code Globals},
 * Serverless {@code provider.environment}), identity policies and AWS managed policies on roles, secret and
 * key resource policies, Secrets Manager secrets, credential-bearing properties, parameters — each element
 * at its own position, with a logical path for fingerprints. Policies are judged by
 * {@link dev.hushlint.rules.iam.PolicyAnalyzer}.
 *
 * <p>{@link dev.hushlint.rules.iac.TerraformIndexer} links the files of one Terraform directory (a rotation
 * in another file). Nothing is ever evaluated or fetched: intrinsic functions and Terraform expressions are
 * read, never run.
 */
package dev.hushlint.rules.iac;
