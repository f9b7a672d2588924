package org.clustergrid.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.h2.mvstore.db.NullValueDataType;
import org.h2.mvstore.db.ValueDataType;
import org.h2.mvstore.rtree.MVRTreeMap;
import org.h2.mvstore.tx.TransactionStore;
import org.h2.mvstore.tx.VersionedValueType;
import org.h2.mvstore.type.DataType;
import org.h2.mvstore.type.MetaType;
import org.h2.mvstore.type.StringDataType;
import org.h2.value.Value;
import org.h2.value.VersionedValue;

/**
 * Finishes the transactions that a killed process left open in an H2 file, which H2 2.3 cannot do itself once one
 * of them touched a SPATIAL INDEX.
 *
 * <p>MVStore writes a running transaction's rows and its undo log to the file (with H2's default write delay every
 * half second; always when unsaved changes outgrow its buffer), and the next process to open the file rolls such a
 * leftover transaction back from its undo log. To read an undo record H2 must open the map it belongs to, and at that
 * point of opening it opens each map by id with the types the file registers for it: the file records an R-tree's
 * type ({@code type:rtree}) but not its key type, so an R-tree opened that way gets the default row type and fails ({@code ClassCastException: ValueDataType cannot be cast to SpatialDataType}, reported as
 * "Unable to read the page") and the database cannot be opened at all. Every import and delete writes the layers'
 * spatial indexes, so killing the process that holds the file during one was enough to lose the store.
 *
 * <p>Here the file is opened as a bare MVStore with every map of a transaction opened first with its real types (the
 * R-trees as H2's {@code MVSpatialIndex} opens them, the others with the types H2 registered for them), so that the
 * same {@link TransactionStore} recovery H2 would run can read the undo logs: open transactions are rolled back,
 * committed ones whose commit was cut short are completed. What it writes on the way is consistent as H2's own
 * rollback is (a record leaves the undo log with its change undone), so a process killed in here leaves a file that
 * the next one finishes.
 */
final class H2LeftoverTransactions {
    private static final String TYPE_REGISTRY = "_";

    private H2LeftoverTransactions() {}

    /**
     * Ends the leftover transactions in {@code file}; false when there were none, or when another process has the
     * file open (it opened it, so it has no leftovers to finish).
     */
    static boolean finish(Path file) {
        if (!Files.exists(file)) {
            return false;
        }
        MVStore store;
        try {
            store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
        } catch (MVStoreException e) {
            if (e.getErrorCode() == DataUtils.ERROR_FILE_LOCKED) {
                return false;
            }
            throw e;
        }
        try {
            if (!hasLeftovers(store)) {
                return false;
            }
            openTransactionalMaps(store);
            TransactionStore transactions = new TransactionStore(store, new MetaType<>(null, null),
                    new ValueDataType(), 0);
            transactions.init();
            transactions.endLeftoverTransactions();
            store.commit();
            return true;
        } finally {
            store.close();
        }
    }

    private static boolean hasLeftovers(MVStore store) {
        for (String name : store.getMapNames()) {
            if (name.startsWith(TransactionStore.UNDO_LOG_NAME_PREFIX) && store.hasData(name)) {
                return true;
            }
        }
        return false;
    }

    /** Opens every map an undo record may name, with the types H2 gives it when it opens the table or index. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void openTransactionalMaps(MVStore store) {
        MVMap<String, DataType<?>> registry = store.openMap(TYPE_REGISTRY, new MVMap.Builder<String, DataType<?>>()
                .keyType(StringDataType.INSTANCE).valueType(new MetaType<>(null, null)));
        MVMap<String, String> meta = store.getMetaMap();
        for (String name : store.getMapNames()) {
            Map<String, String> config = DataUtils.parseMap(meta.get(DataUtils.META_MAP
                    + meta.get(DataUtils.META_NAME + name)));
            if ("rtree".equals(config.get("type"))) {
                store.openMap(name, new MVRTreeMap.Builder<VersionedValue<Value>>()
                        .valueType(new VersionedValueType<>(NullValueDataType.INSTANCE)));
            } else if (config.containsKey("key") && config.containsKey("val")) {
                DataType keyType = registry.get(config.get("key"));
                DataType valueType = registry.get(config.get("val"));
                if (keyType != null && valueType != null) {
                    store.openMap(name, new MVMap.Builder<>().keyType(keyType).valueType(valueType));
                }
            }
        }
    }
}
