package dev.gigstream.api.storage;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;

@Configuration(proxyBeanMethods = false)
class ReadModelConfiguration {

    @Bean(destroyMethod = "close")
    ReadModelStore readModelStore(ReadModelProperties properties, @Value("${gigstream.data-dir}") Path dataDir) {
        return ReadModelStore.open(properties, dataDir);
    }

    @Bean(destroyMethod = "") // closed by the store
    MongoClient readModelClient(ReadModelStore store) {
        return store.client();
    }

    @Bean
    MongoDatabase readModels(MongoClient client, ReadModelProperties properties) {
        return client.getDatabase(properties.database());
    }
}
