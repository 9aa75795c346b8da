package dev.gigstream.api.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Who may call an endpoint is decided before its body is read: method security checks
 * {@code @PreAuthorize} only when the controller method is invoked, after the body was bound and
 * validated, so a worker posting an invalid job would learn "400, title too short" instead of "403".
 * This interceptor evaluates the same {@code @PreAuthorize} expressions (they test roles only) before
 * binding; method security still checks again at the call.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizeBeforeBinding implements WebMvcConfigurer {

    private final PreAuthorizeAuthorizationManager preAuthorize = new PreAuthorizeAuthorizationManager();

    AuthorizeBeforeBinding(ApplicationContext context) {
        preAuthorize.setApplicationContext(context);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (handler instanceof HandlerMethod method) {
                    AuthorizationResult result = preAuthorize.authorize(
                            () -> SecurityContextHolder.getContext().getAuthentication(),
                            new SimpleMethodInvocation(method.getBean(), method.getMethod()));
                    if (result != null && !result.isGranted()) {
                        throw new AccessDeniedException("Access denied");
                    }
                }
                return true;
            }
        });
    }
}
