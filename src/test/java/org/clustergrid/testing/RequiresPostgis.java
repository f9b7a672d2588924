package org.clustergrid.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * A test class that needs the PostGIS test database (and {@link #pgRouting} if set) before its class set-up runs. Without
 * it the class is reported skipped with the reason (a skip thrown from {@code @BeforeAll} would be counted as no test at
 * all), or fails when {@code clustergrid.test.requirePostgis=true}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresPostgis.Condition.class)
public @interface RequiresPostgis {
    boolean pgRouting() default false;

    /** Evaluates the annotation once per class. */
    final class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            boolean pgRouting = context.getElement()
                    .flatMap(e -> AnnotationSupport.findAnnotation(e, RequiresPostgis.class))
                    .map(RequiresPostgis::pgRouting).orElse(false);
            String problem = PostgisTestDatabase.problem(pgRouting);
            if (problem == null) {
                return ConditionEvaluationResult.enabled("PostGIS test database usable");
            }
            String reason = PostgisTestDatabase.reason(problem);
            if (PostgisTestDatabase.required()) {
                throw new IllegalStateException(reason);
            }
            return ConditionEvaluationResult.disabled(reason);
        }
    }
}
