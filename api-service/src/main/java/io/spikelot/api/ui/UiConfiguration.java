package io.spikelot.api.ui;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the dashboard: its files live in {@code static/ui/} of the class path (plain JavaScript modules, no build
 * step); {@code /} and {@code /ui} lead to {@code /ui/}, which is {@code index.html}. The pages need no key to load:
 * they hold no data until the user signs in, and every API call they make carries the user's bearer key.
 */
@Configuration(proxyBeanMethods = false)
class UiConfiguration implements WebMvcConfigurer {

    static final String UI_PATH = "/ui/";

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/", UI_PATH);
        registry.addRedirectViewController("/ui", UI_PATH);
        registry.addViewController(UI_PATH).setViewName("forward:" + UI_PATH + "index.html");
    }

    @Bean
    FilterRegistrationBean<UiHeadersFilter> uiHeadersFilter() {
        var registration = new FilterRegistrationBean<>(new UiHeadersFilter());
        registration.addUrlPatterns("/ui", "/ui/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}
