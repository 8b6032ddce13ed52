package dev.hushlint.rules.iam;

import dev.hushlint.rules.tree.Node;
import dev.hushlint.rules.tree.Position;

import java.util.List;

/**
 * One policy statement, as written: effect, action patterns (or {@code NotAction}), resources resolved to ARN
 * patterns (or {@code NotResource}), principal, condition, and where it stands in its file.
 *
 * @param sid           the statement's {@code Sid}, or null
 * @param index         0-based index in its document
 * @param resourceGiven false when the statement names no Resource/NotResource (resource and key policies,
 *                      where the resource is the one the policy is attached to): treated as {@code "*"}
 * @param principal     {@code Principal}/{@code NotPrincipal} node, or null (identity policies)
 * @param condition     the {@code Condition} node, or null
 */
public record Statement(String sid, int index, Effect effect, List<String> actions, boolean notAction,
                        List<ResourcePattern> resources, boolean notResource, boolean resourceGiven,
                        Node principal, boolean notPrincipal, Node condition, ConditionStrength conditions,
                        Position position) {

    public enum Effect { ALLOW, DENY }

    public Statement {
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
    }

    /** {@code Sid "X"} or {@code statement 2} (1-based), for messages and logical positions. */
    public String label() {
        return sid != null && !sid.isBlank() ? "Sid \"" + sid + "\"" : "statement " + (index + 1);
    }

    /** Does the statement's Action (or NotAction) cover a catalogued action? */
    public boolean covers(SecretAction action) {
        boolean any = actions.stream().anyMatch(action::matchedBy);
        return notAction != any;
    }

    /** Action patterns as written, for messages: {@code secretsmanager:*} or {@code NotAction s3:*}. */
    public String actionsAsWritten() {
        List<String> distinct = actions.stream().distinct().toList();
        String list = distinct.size() <= 4 ? String.join(", ", distinct)
                : String.join(", ", distinct.subList(0, 4)) + " and " + (distinct.size() - 4) + " more";
        return notAction ? "NotAction " + list : list;
    }

    /** Principal {@code "*"} or {@code {"AWS": "*"}}: anyone, in any account. */
    public boolean hasPublicPrincipal() {
        if (principal == null || notPrincipal) {
            return principal != null;
        }
        return isStar(principal);
    }

    private static boolean isStar(Node node) {
        if (node instanceof Node.ScalarNode s) {
            return s.text().strip().equals("*");
        }
        if (node instanceof Node.ListNode l) {
            return l.items().stream().anyMatch(Statement::isStar);
        }
        if (node instanceof Node.MapNode m) {
            return m.get("AWS").map(Statement::isStar).orElse(false);
        }
        return false;
    }
}
