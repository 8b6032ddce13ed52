package com.example.orders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;

import java.util.Map;

/** Charges an order. */
public class OrderHandler implements RequestHandler<Map<String, Object>, String> {

    // expect: secret/known-format
    private static final String STRIPE_API_KEY = "sk_live_K7znsZfZr1kxfyY4PPD53FzJ";

    private final SecretsManagerClient secrets = SecretsManagerClient.create();

    @Override
    public String handleRequest(Map<String, Object> order, Context context) {
        // expect: java/lambda-secret-per-invocation
        String dbPassword = secrets.getSecretValue(GetSecretValueRequest.builder()
                .secretId(System.getenv("DB_SECRET_ARN"))
                .build()).secretString();
        // expect: java/secret-logged
        context.getLogger().log("connecting with password " + dbPassword);
        return charge(order, STRIPE_API_KEY);
    }

    private String charge(Map<String, Object> order, String apiKey) {
        return "charged " + order.get("id");
    }
}
