import { serveThread } from "@/lib/threads/thread-pool";
import { selectGroups } from "./select-groups";

// Scores select chunks off the main thread; see select-pool.ts.
serveThread(selectGroups);
