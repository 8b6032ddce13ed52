package com.example;

class Clients {
    static final String TABLE = "orders";
}
