package io.spikelot.api.auth;

import io.spikelot.api.ApiProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/** Registers the key filter and lets controllers take the authenticated {@link Caller.Tenant} as a parameter. */
@Configuration(proxyBeanMethods = false)
class AuthConfiguration implements WebMvcConfigurer {

    static {
        // the caller comes from the Authorization header (the apiKey scheme), never from a query parameter
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class, Caller.Tenant.class, Caller.Worker.class);
    }

    @Bean
    FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(ApiKeys apiKeys, ApiProperties properties, JsonMapper json) {
        var registration = new FilterRegistrationBean<>(new ApiKeyFilter(apiKeys, properties, json));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerResolver());
    }

    private static final class CallerResolver implements HandlerMethodArgumentResolver {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return Caller.class.isAssignableFrom(parameter.getParameterType());
        }

        @Override
        public Object resolveArgument(
                MethodParameter parameter,
                ModelAndViewContainer mav,
                NativeWebRequest request,
                WebDataBinderFactory binders) {
            Object caller = request.getNativeRequest(HttpServletRequest.class).getAttribute(Caller.REQUEST_ATTRIBUTE);
            if (!parameter.getParameterType().isInstance(caller)) {
                throw new IllegalStateException(
                        "No authenticated " + parameter.getParameterType().getSimpleName());
            }
            return caller;
        }
    }
}
