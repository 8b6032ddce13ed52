package dev.hushlint.cli.aws;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts the API calls the scan makes, per {@code service:Operation} (retries not counted twice). */
public final class OperationLog implements ExecutionInterceptor {

    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        calls.computeIfAbsent(service + ":" + operation, k -> new LongAdder()).increment();
    }

    public SortedMap<String, Long> counts() {
        SortedMap<String, Long> out = new TreeMap<>();
        calls.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** Calls to one service (the SDK's service name, e.g. {@code Iam}, {@code Lambda}). */
    public long calls(String service) {
        return counts().entrySet().stream().filter(e -> e.getKey().startsWith(service + ":"))
                .mapToLong(Map.Entry::getValue).sum();
    }
}
