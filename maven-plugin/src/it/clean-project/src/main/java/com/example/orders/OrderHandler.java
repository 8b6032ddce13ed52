package com.example.orders;

import java.util.Map;

/** Reads the database password from the environment at runtime: the right way. */
public class OrderHandler {

    private final String password = System.getenv("ORDERS_DB_PASSWORD");

    public String handleRequest(Map<String, Object> event) {
        return password == null ? "not configured" : "ok";
    }
}
