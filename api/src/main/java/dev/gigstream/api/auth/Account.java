package dev.gigstream.api.auth;

public record Account(String id, String email, String passwordHash, String fullName, String phone, Role role) {
}
