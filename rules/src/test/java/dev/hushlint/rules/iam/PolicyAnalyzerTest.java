package dev.hushlint.rules.iam;

import dev.hushlint.engine.InputException;
import dev.hushlint.rules.tree.Node;
import dev.hushlint.rules.tree.YamlTree;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyAnalyzerTest {

    private static List<SecretGrant> yaml(String text) throws InputException {
        return PolicyAnalyzer.analyze(YamlTree.parse(text));
    }

    private static SecretGrant only(String text) throws InputException {
        List<SecretGrant> grants = yaml(text);
        assertThat(grants).hasSize(1);
        return grants.get(0);
    }

    @Test
    void getSecretValueOnStarReadsEverySecret() throws Exception {
        SecretGrant g = only("""
                Version: '2012-10-17'
                Statement:
                  - Sid: ReadAll
                    Effect: Allow
                    Action: secretsmanager:GetSecretValue
                    Resource: '*'
                """);
        assertThat(g.capabilities()).containsExactly(SecretCapability.READ);
        assertThat(g.scope()).isEqualTo(ResourceScope.ALL);
        assertThat(g.conditions()).isEqualTo(ConditionStrength.NONE);
        assertThat(g.actions()).containsExactly("secretsmanager:GetSecretValue");
        assertThat(g.statement().label()).isEqualTo("Sid \"ReadAll\"");
        assertThat(g.position().line()).isEqualTo(3);
        assertThat(g.fullControl("secretsmanager")).isFalse();
    }

    @Test
    void wildcardActionPatternsMatchTheCatalogue() throws Exception {
        SecretGrant get = only("""
                Statement:
                  Effect: Allow
                  Action: [secretsmanager:Get*, s3:GetObject]
                  Resource: arn:aws:secretsmanager:*:*:secret:*
                """);
        assertThat(get.actions()).containsExactly("secretsmanager:GetSecretValue");
        assertThat(get.scope()).isEqualTo(ResourceScope.ACCOUNT_WIDE);

        SecretGrant star = only("""
                Statement:
                  Effect: Allow
                  Action: '*:*'
                  Resource: '*'
                """);
        assertThat(star.capabilities()).containsExactlyInAnyOrder(SecretCapability.READ, SecretCapability.MANAGE);
        assertThat(star.fullControl("secretsmanager")).isTrue();
        assertThat(star.actions(SecretCapability.READ, ResourceScope.ACCOUNT_WIDE))
                .contains("secretsmanager:GetSecretValue", "ssm:GetParameter", "kms:Decrypt");

        SecretGrant questionMark = only("""
                Statement:
                  Effect: Allow
                  Action: ssm:GetParameter?
                  Resource: arn:aws:ssm:eu-west-1:111122223333:parameter/*
                """);
        assertThat(questionMark.actions()).containsExactly("ssm:GetParameters");
        assertThat(questionMark.scope()).isEqualTo(ResourceScope.ACCOUNT_WIDE);
    }

    @Test
    void actionMatchingIgnoresCase() throws Exception {
        assertThat(only("""
                Statement: [{Effect: Allow, Action: SecretsManager:getsecretvalue, Resource: '*'}]
                """).actions()).containsExactly("secretsmanager:GetSecretValue");
    }

    @Test
    void metadataOnlyActionsGrantNothing() throws Exception {
        assertThat(yaml("""
                Statement:
                  - Effect: Allow
                    Action: [secretsmanager:ListSecrets, secretsmanager:DescribeSecret, secretsmanager:GetRandomPassword,
                             secretsmanager:List*, ssm:DescribeParameters]
                    Resource: '*'
                """)).isEmpty();
    }

    @Test
    void resourceScopes() throws Exception {
        assertThat(scopeOf("arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/orders/*")).isEqualTo(ResourceScope.PREFIX);
        assertThat(scopeOf("arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/orders/db-AbCdEf")).isEqualTo(ResourceScope.SINGLE);
        assertThat(scopeOf("arn:aws:secretsmanager:*:*:secret:*")).isEqualTo(ResourceScope.ACCOUNT_WIDE);
        assertThat(scopeOf("arn:aws-cn:secretsmanager:cn-north-1:111122223333:secret:*")).isEqualTo(ResourceScope.ACCOUNT_WIDE);
        assertThat(scopeOf("arn:aws:secretsmanager:*")).isEqualTo(ResourceScope.ACCOUNT_WIDE);
        assertThat(scopeOf("arn:aws:s3:::my-bucket/*")).isEqualTo(ResourceScope.NOT_A_SECRET);
        assertThat(scopeOf("*")).isEqualTo(ResourceScope.ALL);
        assertThat(scopeOf("arn:*")).isEqualTo(ResourceScope.ALL);
    }

    private static ResourceScope scopeOf(String resource) throws InputException {
        List<SecretGrant> grants = yaml("Statement: [{Effect: Allow, Action: secretsmanager:GetSecretValue, Resource: '"
                + resource + "'}]");
        return grants.get(0).scope();
    }

    @Test
    void starOnANonSecretResourceIsNotASecret() throws Exception {
        SecretGrant g = only("""
                Statement:
                  - Effect: Allow
                    Action: '*'
                    Resource: arn:aws:lambda:us-east-1:123456789012:function:orders
                """);
        assertThat(g.scope()).isEqualTo(ResourceScope.NOT_A_SECRET);
        assertThat(g.capabilities()).isEmpty();
        assertThat(g.fullControl("secretsmanager")).isFalse();
    }

    @Test
    void notActionGrantsEverythingItDoesNotName() throws Exception {
        SecretGrant g = only("""
                Statement:
                  - Effect: Allow
                    NotAction: s3:*
                    Resource: '*'
                """);
        assertThat(g.fullControl("secretsmanager")).isTrue();
        assertThat(g.scope(SecretCapability.READ)).isEqualTo(ResourceScope.ALL);
        assertThat(g.statement().actionsAsWritten()).isEqualTo("NotAction s3:*");

        SecretGrant spared = only("""
                Statement:
                  - Effect: Allow
                    NotAction: [secretsmanager:*, kms:*]
                    Resource: '*'
                """);
        assertThat(spared.actions()).allMatch(a -> a.startsWith("ssm:"));
    }

    @Test
    void notResource() throws Exception {
        SecretGrant nothing = only("""
                Statement:
                  - Effect: Allow
                    Action: '*'
                    NotResource: '*'
                """);
        assertThat(nothing.scope()).isEqualTo(ResourceScope.NOT_A_SECRET);

        SecretGrant everything = only("""
                Statement:
                  - Effect: Allow
                    Action: secretsmanager:GetSecretValue
                    NotResource: arn:aws:s3:::bucket/*
                """);
        assertThat(everything.scope()).isEqualTo(ResourceScope.ALL);

        SecretGrant allButProd = only("""
                Statement:
                  - Effect: Allow
                    Action: secretsmanager:GetSecretValue
                    NotResource: arn:aws:secretsmanager:*:*:secret:prod/*
                """);
        assertThat(allButProd.scope()).isEqualTo(ResourceScope.ACCOUNT_WIDE);
    }

    @Test
    void intrinsicResourcesAreJudgedByTheArnTheyProduce() throws Exception {
        assertThat(only("""
                Statement:
                  - Effect: Allow
                    Action: secretsmanager:GetSecretValue
                    Resource: !Ref MySecret
                """).scope()).isEqualTo(ResourceScope.SINGLE);
        assertThat(only("""
                Statement:
                  - Effect: Allow
                    Action: secretsmanager:GetSecretValue
                    Resource: !Sub arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:prod/*
                """).scope()).isEqualTo(ResourceScope.PREFIX);
        assertThat(only("""
                Statement:
                  - Effect: Allow
                    Action: secretsmanager:GetSecretValue
                    Resource: !Sub arn:aws:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:*
                """).scope()).isEqualTo(ResourceScope.ACCOUNT_WIDE);
        assertThat(only("""
                Statement:
                  - Effect: Allow
                    Action: secretsmanager:GetSecretValue
                    Resource: !Sub arn:aws:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:${SecretName}
                """).scope()).isEqualTo(ResourceScope.SINGLE);
        assertThat(only("""
                Statement:
                  - Effect: Allow
                    Action: ssm:GetParameter
                    Resource: !Join [':', [arn, aws, ssm, !Ref 'AWS::Region', !Ref 'AWS::AccountId', 'parameter/*']]
                """).scope()).isEqualTo(ResourceScope.ACCOUNT_WIDE);
        assertThat(only("""
                Statement:
                  - Effect: Allow
                    Action: secretsmanager:GetSecretValue
                    Resource: !If [IsProd, !Ref ProdSecret, '*']
                """).scope()).isEqualTo(ResourceScope.ALL);
        assertThat(only("""
                Statement:
                  - Effect: Allow
                    Action: '*'
                    Resource: !Sub arn:${AWS::Partition}:s3:::${Bucket}/*
                """).scope()).isEqualTo(ResourceScope.NOT_A_SECRET);
    }

    @Test
    void anArnResolverTypesReferences() throws Exception {
        Node doc = YamlTree.parse("""
                Statement:
                  - Effect: Allow
                    Action: '*'
                    Resource: [!GetAtt Bucket.Arn, !Ref Topic]
                """);
        ArnResolver resolver = (id, attribute) -> Optional.of("arn:aws:s3:::" + ArnResolver.deployTime(id));
        SecretGrant g = PolicyAnalyzer.analyze(PolicyAnalyzer.parse(doc, "inline policy P", resolver)).get(0);
        assertThat(g.scope()).isEqualTo(ResourceScope.NOT_A_SECRET);
        assertThat(g.source()).isEqualTo("inline policy P");
    }

    @Test
    void conditions() throws Exception {
        assertThat(conditionOf("{Bool: {'aws:SecureTransport': 'true'}}")).isEqualTo(ConditionStrength.WEAK);
        assertThat(conditionOf("{StringEquals: {'secretsmanager:ResourceTag/team': orders}}")).isEqualTo(ConditionStrength.RESTRICTING);
        assertThat(conditionOf("{ArnLike: {'aws:SourceArn': 'arn:aws:lambda:us-east-1:123456789012:function:x'}}")).isEqualTo(ConditionStrength.RESTRICTING);
        assertThat(conditionOf("{StringEquals: {'kms:ViaService': secretsmanager.us-east-1.amazonaws.com}}")).isEqualTo(ConditionStrength.RESTRICTING);
        assertThat(conditionOf("{StringLike: {'aws:SourceArn': '*'}}")).isEqualTo(ConditionStrength.WEAK);
        assertThat(conditionOf("{StringNotEquals: {'aws:SourceAccount': '123456789012'}}")).isEqualTo(ConditionStrength.WEAK);
        assertThat(conditionOf("{StringEqualsIfExists: {'aws:PrincipalOrgID': o-abc}}")).isEqualTo(ConditionStrength.WEAK);
    }

    private static ConditionStrength conditionOf(String condition) throws InputException {
        return only("Statement: [{Effect: Allow, Action: secretsmanager:GetSecretValue, Resource: '*', Condition: "
                + condition + "}]").conditions();
    }

    @Test
    void denyStatementsGrantNothingButSubtractAtPrincipalLevel() throws Exception {
        Node doc = YamlTree.parse("""
                Statement:
                  - Effect: Allow
                    Action: secretsmanager:*
                    Resource: '*'
                  - Effect: Deny
                    Action: secretsmanager:GetSecretValue
                    Resource: '*'
                """);
        assertThat(PolicyAnalyzer.analyze(doc)).hasSize(1);
        PrincipalAnalysis p = PrincipalAnalysis.combine(List.of(PolicyAnalyzer.parse(doc, "inline policy")));
        assertThat(p.grants()).hasSize(1);
        assertThat(p.grants().get(0).actions()).doesNotContain("secretsmanager:GetSecretValue")
                .contains("secretsmanager:DeleteSecret");
        assertThat(p.canRead(ResourceScope.SINGLE)).isTrue(); // BatchGetSecretValue is not denied
        assertThat(p.grants().get(0).fullControl("secretsmanager")).isFalse();
    }

    @Test
    void denyOfAPrefixNarrowsAnAccountWideGrantOnlyWhenItContainsIt() throws Exception {
        PolicyDocument allow = PolicyAnalyzer.parse(YamlTree.parse("""
                Statement:
                  - {Effect: Allow, Action: 'secretsmanager:GetSecretValue', Resource: 'arn:aws:secretsmanager:*:*:secret:prod/*'}
                  - {Effect: Allow, Action: 'secretsmanager:GetSecretValue', Resource: 'arn:aws:secretsmanager:*:*:secret:*'}
                """), "inline policy A");
        PolicyDocument deny = PolicyAnalyzer.parse(YamlTree.parse("""
                Statement:
                  - {Effect: Deny, Action: 'secretsmanager:Get*', Resource: 'arn:aws:secretsmanager:*:*:secret:prod/*'}
                """), "inline policy D");
        PrincipalAnalysis p = PrincipalAnalysis.combine(List.of(allow, deny));
        assertThat(p.grants()).hasSize(1);
        assertThat(p.scope(SecretCapability.READ)).isEqualTo(ResourceScope.ACCOUNT_WIDE);
    }

    @Test
    void aConditionalDenySubtractsNothing() throws Exception {
        PolicyDocument doc = PolicyAnalyzer.parse(YamlTree.parse("""
                Statement:
                  - {Effect: Allow, Action: 'secretsmanager:GetSecretValue', Resource: '*'}
                  - {Effect: Deny, Action: '*', Resource: '*', Condition: {Bool: {'aws:SecureTransport': 'false'}}}
                """), "inline policy");
        assertThat(PrincipalAnalysis.combine(List.of(doc)).canRead(ResourceScope.ALL)).isTrue();
    }

    @Test
    void managedPoliciesByArn() {
        assertThat(ManagedPolicies.knownName("arn:aws:iam::aws:policy/AdministratorAccess")).contains("AdministratorAccess");
        assertThat(ManagedPolicies.knownName("arn:aws-us-gov:iam::aws:policy/PowerUserAccess")).contains("PowerUserAccess");
        assertThat(ManagedPolicies.knownName("SecretsManagerReadWrite")).contains("SecretsManagerReadWrite");
        assertThat(ManagedPolicies.knownName("arn:aws:iam::123456789012:policy/AdministratorAccess")).isEmpty();
        assertThat(ManagedPolicies.knownName("arn:aws:iam::aws:policy/ReadOnlyAccess")).isEmpty();
        PolicyDocument power = ManagedPolicies.document("arn:aws:iam::aws:policy/PowerUserAccess",
                dev.hushlint.rules.tree.Position.at(7, 9)).orElseThrow();
        SecretGrant g = PolicyAnalyzer.analyze(power).get(0);
        assertThat(g.fullControl("secretsmanager")).isTrue();
        assertThat(g.scope(SecretCapability.READ)).isEqualTo(ResourceScope.ALL);
        assertThat(g.position().line()).isEqualTo(7);
        assertThat(g.source()).isEqualTo("managed policy PowerUserAccess");
    }

    @Test
    void jsonTextAndJsonStringsInsideTemplates() throws Exception {
        List<SecretGrant> grants = PolicyAnalyzer.analyzeJson("""
                {"Version": "2012-10-17",
                 "Statement": [
                   {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"},
                   {"Effect": "Allow", "Action": ["ssm:GetParametersByPath"], "Resource": "arn:aws:ssm:*:*:parameter/app/*"}
                 ]}""");
        assertThat(grants).hasSize(1);
        assertThat(grants.get(0).position().line()).isEqualTo(4);
        assertThat(grants.get(0).scope()).isEqualTo(ResourceScope.PREFIX);

        Node planValue = YamlTree.parse("""
                policy: '{"Statement":[{"Effect":"Allow","Action":"secretsmanager:*","Resource":"*"}]}'
                """);
        List<SecretGrant> embedded = PolicyAnalyzer.analyze(((Node.MapNode) planValue).get("policy").orElseThrow());
        assertThat(embedded).hasSize(1);
        assertThat(embedded.get(0).position().line()).isEqualTo(1);
        assertThatThrownBy(() -> PolicyAnalyzer.analyzeJson("{\"Statement\": [")).isInstanceOf(InputException.class);
    }

    @Test
    void subDocumentInsideIf() throws Exception {
        Node doc = YamlTree.parse("""
                PolicyDocument: !If
                  - Always
                  - !Sub |
                    {"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}
                  - !Ref AWS::NoValue
                """);
        List<SecretGrant> grants = PolicyAnalyzer.analyze(((Node.MapNode) doc).get("PolicyDocument").orElseThrow());
        assertThat(grants).hasSize(1);
        assertThat(grants.get(0).fullControl("secretsmanager")).isTrue();
    }

    @Test
    void terraformReferencesAreTypedByResourceType() {
        Node.ExpressionNode bucket = new Node.ExpressionNode("aws_s3_bucket.data.arn", null, List.of(),
                dev.hushlint.rules.tree.Position.at(3, 1));
        Node.ExpressionNode secret = new Node.ExpressionNode("aws_secretsmanager_secret.db.arn", null, List.of(),
                dev.hushlint.rules.tree.Position.at(4, 1));
        assertThat(Scopes.classify(ResourcePattern.of(bucket).get(0).arn(), SecretAction.ResourceFamily.SECRET))
                .isEqualTo(ResourceScope.NOT_A_SECRET);
        assertThat(Scopes.classify(ResourcePattern.of(secret).get(0).arn(), SecretAction.ResourceFamily.SECRET))
                .isEqualTo(ResourceScope.SINGLE);
    }

    @Test
    void publicPrincipal() throws Exception {
        SecretGrant g = only("""
                Statement:
                  - Effect: Allow
                    Principal: {AWS: '*'}
                    Action: secretsmanager:GetSecretValue
                """);
        assertThat(g.statement().hasPublicPrincipal()).isTrue();
        assertThat(g.scope()).isEqualTo(ResourceScope.ALL);
    }

    @Test
    void globIntersection() {
        assertThat(Glob.intersects("arn:aws:secretsmanager:*:*:secret:prod/*", "arn:aws:secretsmanager:*:*:secret:*")).isTrue();
        assertThat(Glob.intersects("arn:aws:s3:::b/*", "arn:aws:secretsmanager:*:*:secret:*")).isFalse();
        assertThat(Glob.intersects("a?c", "*b*")).isTrue();
        assertThat(Glob.matches("secretsmanager:Get*", "secretsmanager:GetSecretValue", true)).isTrue();
        assertThat(Glob.matches("secretsmanager:Get*", "secretsmanager:PutSecretValue", true)).isFalse();
    }
}
