package dev.gigstream.sandbox;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Present only when the payments adapter runs against the sandbox ({@code gigstream.payments.mode=sandbox}). */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ConditionalOnProperty(name = "gigstream.payments.mode", havingValue = "sandbox")
public @interface ConditionalOnSandbox {
}
