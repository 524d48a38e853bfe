package org.computerwa.core.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The Immutables style of every SDK value: a package-private implementation hidden behind the
 * abstract type, {@code builder()} on the abstract type, JDK collections only, and missing or null
 * attributes reported as {@link org.computerwa.core.ValidationException}.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true,
    optionalAcceptNullable = true,
    throwForInvalidImmutableState = MissingAttributeException.class,
    throwForNullPointer = MissingAttributeException.class,
    defaults = @Value.Immutable(copy = false))
public @interface ValueStyle {}
