package dev.hushlint.cli.aws;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hushlint.engine.Notification;
import dev.hushlint.rules.aws.AwsExports;
import dev.hushlint.rules.secret.SecretDetector;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeSet;

/**
 * Writes the redacted inventory of a live scan: the functions (environment variable NAMES only; each
 * non-empty value is replaced by {@value #REDACTED}), their roles and managed policies, and what could not be
 * checked. It uses the AWS CLI's own shapes ({@code Functions}, {@code RoleDetailList}, {@code Policies}) under
 * an {@code HushlintInventory} marker, so findings can point at a line of it. Deterministic: no timestamps,
 * everything sorted.
 */
final class InventoryWriter {

    static final String REDACTED = "<redacted>";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private InventoryWriter() {
    }

    static String write(LiveSnapshot snapshot) {
        StringWriter out = new StringWriter();
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            g.setPrettyPrinter(pretty);
            g.writeStartObject();
            g.writeObjectFieldStart(AwsExports.INVENTORY_MARKER);
            g.writeNumberField("Version", 1);
            g.writeStringField("Note", "Written by hushlint aws. Environment variable values are redacted; "
                    + "findings point at lines of this file.");
            TreeSet<String> regions = new TreeSet<>();
            snapshot.functions().forEach(f -> regions.add(f.region()));
            g.writeArrayFieldStart("Regions");
            for (String r : regions) {
                g.writeString(r);
            }
            g.writeEndArray();
            g.writeEndObject();

            g.writeArrayFieldStart("Functions");
            for (LiveSnapshot.Function f : snapshot.functions()) {
                g.writeStartObject();
                g.writeStringField("FunctionName", f.name());
                g.writeStringField("FunctionArn", f.arn());
                g.writeStringField("Region", f.region());
                g.writeStringField("Role", f.roleArn());
                if (!f.kmsKeyArn().isEmpty()) {
                    g.writeStringField("KMSKeyArn", f.kmsKeyArn());
                }
                g.writeObjectFieldStart("Environment");
                g.writeObjectFieldStart("Variables");
                for (Map.Entry<String, String> v : f.environment().entrySet()) {
                    g.writeStringField(v.getKey(), v.getValue() == null || v.getValue().isEmpty() ? "" : REDACTED);
                }
                g.writeEndObject();
                g.writeEndObject();
                g.writeObjectFieldStart("Tags");
                for (Map.Entry<String, String> t : f.tags().entrySet()) {
                    // tags are not secret by design, but a token pasted into one must not reach the file either
                    boolean token = SecretDetector.standard().findIn(t.getValue()).isPresent();
                    g.writeStringField(t.getKey(), token ? REDACTED : t.getValue());
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();

            g.writeArrayFieldStart("RoleDetailList");
            for (LiveSnapshot.Role role : snapshot.roles().values()) {
                g.writeStartObject();
                g.writeStringField("RoleName", role.name());
                g.writeStringField("Arn", role.arn());
                g.writeArrayFieldStart("RolePolicyList");
                for (Map.Entry<String, String> p : role.inlinePolicies().entrySet()) {
                    g.writeStartObject();
                    g.writeStringField("PolicyName", p.getKey());
                    g.writeFieldName("PolicyDocument");
                    g.writeTree(document(p.getValue()));
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeArrayFieldStart("AttachedManagedPolicies");
                for (Map.Entry<String, String> p : role.attachedPolicies().entrySet()) {
                    g.writeStartObject();
                    g.writeStringField("PolicyName", p.getValue());
                    g.writeStringField("PolicyArn", p.getKey());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();

            g.writeArrayFieldStart("Policies");
            for (LiveSnapshot.Policy p : snapshot.policies().values()) {
                g.writeStartObject();
                g.writeStringField("PolicyName", p.name());
                g.writeStringField("Arn", p.arn());
                g.writeStringField("DefaultVersionId", p.defaultVersionId());
                g.writeArrayFieldStart("PolicyVersionList");
                g.writeStartObject();
                g.writeStringField("VersionId", p.defaultVersionId());
                g.writeBooleanField("IsDefaultVersion", true);
                g.writeFieldName("Document");
                g.writeTree(document(p.document()));
                g.writeEndObject();
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();

            g.writeArrayFieldStart("NotChecked");
            for (Notification n : new TreeSet<>(snapshot.notifications())) {
                g.writeStartObject();
                g.writeStringField("Code", n.code());
                g.writeStringField("Message", n.message());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString() + "\n";
    }

    private static JsonNode document(String json) throws IOException {
        return MAPPER.readTree(json);
    }
}
