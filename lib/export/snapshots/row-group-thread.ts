import { encodedRowGroupBuffers, encodeRowGroup } from "@/lib/export/formats/row-group-encoding";
import { serveThread } from "@/lib/threads/thread-pool";

// Encodes Parquet row groups off the main thread; see row-group-pool.ts.
serveThread(encodeRowGroup, encodedRowGroupBuffers);
