package io.spikelot.worker;

import io.spikelot.pipeline.imp.ImpPipeline;
import io.spikelot.pipeline.qsnn.QsnnPipeline;
import io.spikelot.pipeline.slt.SltPipeline;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The pipelines this worker runs, each given what it needs from the worker's configuration. */
@Configuration(proxyBeanMethods = false)
class PipelineConfiguration {

    @Bean
    SltPipeline sltPipeline(WorkerProperties properties) {
        return new SltPipeline(properties.datasetsRoot());
    }

    @Bean
    ImpPipeline impPipeline(WorkerProperties properties) {
        return new ImpPipeline(properties.datasetsRoot());
    }

    @Bean
    QsnnPipeline qsnnPipeline(WorkerProperties properties) {
        return new QsnnPipeline(properties.datasetsRoot());
    }
}
