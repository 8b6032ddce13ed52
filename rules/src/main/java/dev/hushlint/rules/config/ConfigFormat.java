package dev.hushlint.rules.config;

import java.util.Locale;
import java.util.regex.Pattern;

/** Which configuration files the rule reads, decided by name (and, for templates, by content). */
enum ConfigFormat {
    PROPERTIES, ENV, NPMRC, DOCKERFILE, YAML, JSON, XML;

    private static final Pattern YAML_NAME = Pattern.compile(
            "(application|bootstrap|docker-compose|compose|config|settings|secrets?|credentials?|values|env|"
                    + "log4j2|logback|database|datasource)[\\w.-]*\\.ya?ml|[\\w.-]*[.-](config|settings|secrets?|credentials)\\.ya?ml");
    private static final Pattern JSON_NAME = Pattern.compile(
            "(appsettings|config|settings|secrets?|credentials?|local\\.settings|application|log4j2|database|datasource|\\.env)"
                    + "[\\w.-]*\\.json|[\\w.-]*[.-](config|settings|secrets?|credentials)\\.json");
    private static final Pattern TEMPLATE = Pattern.compile(
            "AWSTemplateFormatVersion|Transform\"?\\s*:\\s*\"?AWS::Serverless|\"?Type\"?\\s*:\\s*[\"']?AWS::[A-Za-z0-9]+::");

    static ConfigFormat of(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".properties")) {
            return PROPERTIES;
        }
        if (name.equals(".env") || name.startsWith(".env.") || name.endsWith(".env")) {
            return ENV;
        }
        if (name.equals(".npmrc") || name.equals(".yarnrc") || name.equals(".yarnrc.yml")) {
            return name.equals(".yarnrc.yml") ? YAML : NPMRC;
        }
        if (name.equals("dockerfile") || name.startsWith("dockerfile.") || name.endsWith(".dockerfile")
                || name.equals("containerfile")) {
            return DOCKERFILE;
        }
        if (name.startsWith("serverless.")) {
            return null;
        }
        if ((name.endsWith(".yml") || name.endsWith(".yaml")) && YAML_NAME.matcher(name).matches()) {
            return YAML;
        }
        if (name.endsWith(".json") && JSON_NAME.matcher(name).matches()) {
            return JSON;
        }
        if (name.endsWith(".xml")) {
            return XML;
        }
        return null;
    }

    /** CloudFormation, SAM and CDK output belong to the IaC rules. */
    static boolean isTemplate(String text) {
        return TEMPLATE.matcher(text).find();
    }
}
