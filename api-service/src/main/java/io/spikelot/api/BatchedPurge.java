package io.spikelot.api;

import java.util.function.IntUnaryOperator;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes old rows of an append-mostly table (the outbox, the webhook deliveries) a batch per short transaction, so
 * the clean-up never holds locks for long nor blocks the relay that writes the same table.
 */
public final class BatchedPurge {

    private final TransactionTemplate transactions;

    public BatchedPurge(TransactionTemplate transactions) {
        this.transactions = transactions;
    }

    /**
     * Runs {@code deleteBatch} (given the batch size, returning the rows it deleted) in transactions of its own until
     * a batch comes back short.
     *
     * @return the rows deleted in all
     */
    public int run(int batchSize, IntUnaryOperator deleteBatch) {
        int total = 0;
        while (true) {
            Integer deleted = transactions.execute(status -> deleteBatch.applyAsInt(batchSize));
            int n = deleted == null ? 0 : deleted;
            total += n;
            if (n < batchSize) {
                return total;
            }
        }
    }
}
