package com.example;

class Clients {
    // the key is read from the environment here
    static final String KEY_VARIABLE = "AWS_ACCESS_KEY_ID";
}
