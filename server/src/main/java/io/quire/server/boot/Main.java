package io.quire.server.boot;

public final class Main {
    public static void main(String[] args) {
        System.out.println("quire");
    }
}
