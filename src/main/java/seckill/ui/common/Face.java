package seckill.ui.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a type of a window's feature package (form, live, trace, …) that other packages may use: the package's
 * face. Everything else in it is its own, public or not; {@code ArchitectureTest} holds every package to that.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Face {
}
