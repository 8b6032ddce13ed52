package dev.hushlint.cli.aws;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A WireMock server that speaks Lambda's REST-JSON and IAM's (and EC2's, STS's) Query/XML protocols, in the
 * wire shapes of the botocore models. Regions are told apart by the SigV4 credential scope.
 */
final class AwsStub implements AutoCloseable {

    static final String ACCOUNT = "123456789012";
    private static final String IAM_NS = "https://iam.amazonaws.com/doc/2010-05-08/";

    final WireMockServer server;

    AwsStub() {
        server = new WireMockServer(options().dynamicPort().containerThreads(24).jettyAcceptors(2));
        server.start();
        // anything not stubbed: a function without tags
        server.stubFor(get(urlPathMatching("/2017-03-31/tags/.*")).atPriority(10).willReturn(okJson("{\"Tags\":{}}")));
    }

    String endpoint() {
        return "http://localhost:" + server.port();
    }

    @Override
    public void close() {
        server.stop();
    }

    // ---- Lambda (rest-json)

    static String functionJson(String region, String name, String role, String kmsKeyArn, Map<String, String> env) {
        StringBuilder vars = new StringBuilder();
        env.forEach((k, v) -> vars.append(vars.length() == 0 ? "" : ",").append(json(k)).append(":").append(json(v)));
        return """
                {"FunctionName":%s,"FunctionArn":%s,"Runtime":"java21","Role":%s,\
                "Handler":"com.example.Handler::handleRequest","CodeSize":1024,"Description":"","Timeout":15,\
                "MemorySize":512,"LastModified":"2024-05-01T10:00:00.000+0000","CodeSha256":"abc=","Version":"$LATEST",\
                "Environment":{"Variables":{%s}},%s"TracingConfig":{"Mode":"PassThrough"},\
                "RevisionId":"11111111-2222-3333-4444-555555555555","PackageType":"Zip","Architectures":["x86_64"]}"""
                .formatted(json(name), json(functionArn(region, name)), json(role), vars,
                        kmsKeyArn == null ? "" : "\"KMSKeyArn\":" + json(kmsKeyArn) + ",");
    }

    static String functionArn(String region, String name) {
        return "arn:aws:lambda:" + region + ":" + ACCOUNT + ":function:" + name;
    }

    static String roleArn(String name) {
        return "arn:aws:iam::" + ACCOUNT + ":role/" + name;
    }

    static String policyArn(String name) {
        return "arn:aws:iam::" + ACCOUNT + ":policy/" + name;
    }

    /** One page of ListFunctions; {@code marker} is the page's own marker (null for the first). */
    void functionsPage(String region, String marker, String nextMarker, List<String> functions) {
        String body = "{\"Functions\":[" + String.join(",", functions) + "]"
                + (nextMarker == null ? "" : ",\"NextMarker\":" + json(nextMarker)) + "}";
        server.stubFor(listFunctions(region, marker).willReturn(okJson(body)));
    }

    MappingBuilder listFunctions(String region, String marker) {
        // the SDK sends /2015-03-31/functions (older versions added a trailing slash)
        MappingBuilder m = get(urlPathMatching("/2015-03-31/functions/?"))
                .withHeader("Authorization", containing("/" + region + "/lambda/aws4_request"));
        return marker == null ? m.withQueryParam("Marker", com.github.tomakehurst.wiremock.client.WireMock.absent())
                : m.withQueryParam("Marker", com.github.tomakehurst.wiremock.client.WireMock.equalTo(marker));
    }

    void tags(String region, String name, Map<String, String> tags) {
        StringBuilder t = new StringBuilder();
        tags.forEach((k, v) -> t.append(t.length() == 0 ? "" : ",").append(json(k)).append(":").append(json(v)));
        server.stubFor(get(urlPathMatching("/2017-03-31/tags/.*" + Pattern.quote("function%3A" + name)))
                .withHeader("Authorization", containing("/" + region + "/lambda/"))
                .atPriority(1).willReturn(okJson("{\"Tags\":{" + t + "}}")));
    }

    static ResponseDefinitionBuilder lambdaError(int status, String type, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("x-amzn-ErrorType", type)
                .withBody("{\"Type\":\"User\",\"message\":" + json(message) + "}");
    }

    // ---- IAM (query/XML)

    MappingBuilder iam(String action, String... bodyParts) {
        MappingBuilder m = post(urlPathEqualTo("/")).withRequestBody(containing("Action=" + action + "&"));
        for (String part : bodyParts) {
            m = m.withRequestBody(containing(part));
        }
        return m;
    }

    static String param(String name, String value) {
        return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    void listRolePolicies(String role, String marker, String nextMarker, String... names) {
        StringBuilder members = new StringBuilder();
        for (String n : names) {
            members.append("<member>").append(n).append("</member>");
        }
        MappingBuilder m = iam("ListRolePolicies", param("RoleName", role));
        m = marker == null ? m.withRequestBody(notContaining("Marker=")) : m.withRequestBody(containing(param("Marker", marker)));
        server.stubFor(m.willReturn(xml("ListRolePolicies", "<PolicyNames>" + members + "</PolicyNames>"
                + truncation(nextMarker))));
    }

    void getRolePolicy(String role, String name, String documentJson) {
        server.stubFor(iam("GetRolePolicy", param("RoleName", role), param("PolicyName", name))
                .willReturn(xml("GetRolePolicy", "<RoleName>" + role + "</RoleName><PolicyName>" + name
                        + "</PolicyName><PolicyDocument>" + rfc3986(documentJson) + "</PolicyDocument>")));
    }

    void listAttachedRolePolicies(String role, String marker, String nextMarker, String... arns) {
        StringBuilder members = new StringBuilder();
        for (String arn : arns) {
            members.append("<member><PolicyName>").append(arn.substring(arn.lastIndexOf('/') + 1))
                    .append("</PolicyName><PolicyArn>").append(arn).append("</PolicyArn></member>");
        }
        MappingBuilder m = iam("ListAttachedRolePolicies", param("RoleName", role));
        m = marker == null ? m.withRequestBody(notContaining("Marker=")) : m.withRequestBody(containing(param("Marker", marker)));
        server.stubFor(m.willReturn(xml("ListAttachedRolePolicies", truncation(nextMarker)
                + "<AttachedPolicies>" + members + "</AttachedPolicies>")));
    }

    void managedPolicy(String arn, String versionId, String documentJson) {
        String name = arn.substring(arn.lastIndexOf('/') + 1);
        server.stubFor(iam("GetPolicy", param("PolicyArn", arn)).willReturn(xml("GetPolicy",
                "<Policy><PolicyName>" + name + "</PolicyName><PolicyId>ANPA" + Math.abs(name.hashCode())
                        + "</PolicyId><Arn>" + arn + "</Arn><Path>/</Path><DefaultVersionId>" + versionId
                        + "</DefaultVersionId><AttachmentCount>1</AttachmentCount><IsAttachable>true</IsAttachable>"
                        + "<CreateDate>2024-05-01T10:00:00Z</CreateDate><UpdateDate>2024-05-02T10:00:00Z</UpdateDate></Policy>")));
        server.stubFor(iam("GetPolicyVersion", param("PolicyArn", arn), param("VersionId", versionId))
                .willReturn(xml("GetPolicyVersion", "<PolicyVersion><Document>" + rfc3986(documentJson)
                        + "</Document><VersionId>" + versionId + "</VersionId><IsDefaultVersion>true</IsDefaultVersion>"
                        + "<CreateDate>2024-05-02T10:00:00Z</CreateDate></PolicyVersion>")));
    }

    static ResponseDefinitionBuilder iamError(int status, String code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "text/xml").withBody(
                "<ErrorResponse xmlns=\"" + IAM_NS + "\"><Error><Type>Sender</Type><Code>" + code + "</Code><Message>"
                        + message + "</Message></Error><RequestId>7e7cd8bc-99ef-11e1-a4c3-27EXAMPLE804</RequestId></ErrorResponse>");
    }

    private static String truncation(String nextMarker) {
        return nextMarker == null ? "<IsTruncated>false</IsTruncated>"
                : "<IsTruncated>true</IsTruncated><Marker>" + nextMarker + "</Marker>";
    }

    static ResponseDefinitionBuilder xml(String action, String result) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(
                "<" + action + "Response xmlns=\"" + IAM_NS + "\"><" + action + "Result>" + result + "</" + action
                        + "Result><ResponseMetadata><RequestId>7e7cd8bc-99ef-11e1-a4c3-27EXAMPLE804</RequestId>"
                        + "</ResponseMetadata></" + action + "Response>");
    }

    /** As IAM sends documents: RFC 3986 percent-encoding (space as %20). */
    static String rfc3986(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
    }

    // ---- EC2, STS

    void describeRegions(String... regions) {
        StringBuilder items = new StringBuilder();
        for (String r : regions) {
            items.append("<item><regionName>").append(r).append("</regionName><regionEndpoint>ec2.").append(r)
                    .append(".amazonaws.com</regionEndpoint><optInStatus>opt-in-not-required</optInStatus></item>");
        }
        server.stubFor(post(urlPathEqualTo("/")).withRequestBody(containing("Action=DescribeRegions"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(
                        "<DescribeRegionsResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>"
                                + "59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId><regionInfo>" + items
                                + "</regionInfo></DescribeRegionsResponse>")));
    }

    // ---- what was sent

    private static final Pattern SCOPE = Pattern.compile("Credential=[^/]+/\\d{8}/([^/]+)/([^/]+)/aws4_request");
    private static final Pattern ACTION = Pattern.compile("(?:^|&)Action=([A-Za-z]+)");

    /** Every operation the stub received, as {@code service:Action} in IAM policy terms. */
    List<String> operations() {
        List<String> out = new ArrayList<>();
        for (ServeEvent e : server.getAllServeEvents()) {
            var request = e.getRequest();
            Matcher scope = SCOPE.matcher(String.valueOf(request.getHeader("Authorization")));
            String service = scope.find() ? scope.group(2) : "unsigned";
            String path = request.getUrl();
            String operation;
            if (request.getMethod().getName().equals("GET") && path.startsWith("/2015-03-31/functions")) {
                operation = path.contains("/configuration") ? "GetFunctionConfiguration" : "ListFunctions";
            } else if (request.getMethod().getName().equals("GET") && path.startsWith("/2017-03-31/tags/")) {
                operation = "ListTags";
            } else {
                Matcher action = ACTION.matcher(URLDecoder.decode(request.getBodyAsString(), StandardCharsets.UTF_8));
                operation = action.find() ? action.group(1) : request.getMethod().getName() + " " + path;
            }
            out.add(service + ":" + operation);
        }
        return out;
    }

    long count(String operation) {
        return operations().stream().filter(operation::equals).count();
    }

    static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
