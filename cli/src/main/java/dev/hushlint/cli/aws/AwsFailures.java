package dev.hushlint.cli.aws;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Describes an SDK failure for a notification. Service errors carry AWS's own error code and message
 * (about the request, never about response bodies); client-side failures are described by kind only,
 * because their messages may quote a response body, and a Lambda response body holds environment values.
 */
final class AwsFailures {

    private AwsFailures() {
    }

    static String describe(Throwable e) {
        Throwable t = unwrap(e);
        if (t instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null ? "" : service.awsErrorDetails().errorCode();
            String message = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorMessage();
            StringBuilder out = new StringBuilder();
            out.append(code == null || code.isBlank() ? "HTTP " + service.statusCode() : code);
            if (message != null && !message.isBlank()) {
                out.append(": ").append(oneLine(message));
            }
            return out.toString();
        }
        if (t instanceof ApiCallTimeoutException || t instanceof ApiCallAttemptTimeoutException) {
            return "the call timed out";
        }
        if (t instanceof AbortedException) {
            return "the call was aborted";
        }
        if (t instanceof SdkClientException client) {
            String m = client.getMessage() == null ? "" : client.getMessage();
            if (m.contains("Unable to load credentials") || m.contains("credentials")) {
                return "no usable AWS credentials (checked the environment, profiles, SSO, container and instance roles)";
            }
            if (m.contains("Unable to execute HTTP request") || m.contains("connect")) {
                return "could not reach the endpoint (" + rootCauseKind(client) + ")";
            }
            if (m.contains("nmarshall") || m.contains("parse") || m.contains("JSON") || m.contains("XML")) {
                return "the response could not be read (malformed)";
            }
            return "client error (" + rootCauseKind(client) + ")";
        }
        return "unexpected " + t.getClass().getSimpleName();
    }

    /** AccessDenied-like errors: the scanner's role lacks a permission. */
    static boolean isAccessDenied(Throwable e) {
        Throwable t = unwrap(e);
        if (t instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            String code = service.awsErrorDetails().errorCode();
            return code != null && (code.contains("AccessDenied") || code.equals("UnauthorizedOperation")
                    || code.equals("AuthorizationError"));
        }
        return false;
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String rootCauseKind(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName();
    }

    private static String oneLine(String s) {
        String line = s.replaceAll("\\s+", " ").strip();
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
