package app.herald.api.web;

import app.herald.identity.domain.ApiScope;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The scope a token must carry for this resource method; {@link TokenAuthentication} checks it. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface NeedsScope {

    ApiScope value();
}
