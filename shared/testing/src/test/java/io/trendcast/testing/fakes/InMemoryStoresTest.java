package io.trendcast.testing.fakes;

import io.trendcast.core.port.ApiKeyStore;
import io.trendcast.core.port.BlobStore;
import io.trendcast.core.port.ForecastCatalog;
import io.trendcast.core.port.ForecastStore;
import io.trendcast.core.port.RunStore;
import io.trendcast.testing.contract.ApiKeyStoreContract;
import io.trendcast.testing.contract.BlobStoreContract;
import io.trendcast.testing.contract.ForecastCatalogContract;
import io.trendcast.testing.contract.ForecastStoreContract;
import io.trendcast.testing.contract.RunStoreContract;
import org.junit.jupiter.api.Nested;

/** The in-memory fakes pass the same port contracts as the AWS adapters. */
class InMemoryStoresTest {

    @Nested
    class Blobs extends BlobStoreContract {
        private final InMemoryBlobStore store = new InMemoryBlobStore();

        @Override
        protected BlobStore store() {
            return store;
        }
    }

    @Nested
    class Runs extends RunStoreContract {
        @Override
        protected RunStore createStore(MutableClock clock) {
            return new InMemoryRunStore(clock);
        }
    }

    @Nested
    class Forecasts extends ForecastStoreContract {
        private final InMemoryForecastStore store = new InMemoryForecastStore();

        @Override
        protected ForecastStore store() {
            return store;
        }
    }

    @Nested
    class Catalog extends ForecastCatalogContract {
        private final InMemoryForecastStore store = new InMemoryForecastStore();

        @Override
        protected ForecastStore store() {
            return store;
        }

        @Override
        protected ForecastCatalog catalog() {
            return store;
        }
    }

    @Nested
    class ApiKeys extends ApiKeyStoreContract {
        private final InMemoryApiKeyStore store = new InMemoryApiKeyStore();

        @Override
        protected ApiKeyStore store() {
            return store;
        }
    }
}
