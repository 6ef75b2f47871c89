import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { queryMaybeOne, sql } from "@/lib/db/sql";
import { AppError } from "@/lib/errors";

/** Every token starts with this, so a leaked one is easy to recognise (and to grep for). */
export const TOKEN_PREFIX = "cmas_";
const SECRET_BYTES = 32;
/** Characters of the token kept in clear for the token list (the prefix plus 8 of the secret). */
const DISPLAY_LENGTH = TOKEN_PREFIX.length + 8;
const TOKEN_SHAPE = new RegExp(`^${TOKEN_PREFIX}[A-Za-z0-9_-]{43}$`);
/** last_used_at is written at most once per this interval per token. */
const LAST_USED_GRANULARITY_SECONDS = 60;

export type ApiTokenView = {
  id: number;
  userId: number;
  userEmail: string;
  name: string;
  /** The first characters of the token, e.g. `cmas_Ab3dE7gH`, to tell tokens apart. */
  prefix: string;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
};

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function looksLikeToken(value: string): boolean {
  return TOKEN_SHAPE.test(value);
}

/** Creates a token for a user; the returned `token` is the only time the secret exists outside the caller. */
export async function createApiToken(db: Database, userId: number, name: string): Promise<{ token: string; view: ApiTokenView }> {
  const trimmed = name.trim();
  if (trimmed === "" || trimmed.length > 100) throw new AppError("BAD_INPUT", "name: give the token a name of 1 to 100 characters");
  const token = `${TOKEN_PREFIX}${randomBytes(SECRET_BYTES).toString("base64url")}`;
  const row = await db.prisma.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: { userId, name: trimmed, prefix: token.slice(0, DISPLAY_LENGTH), tokenHash: hashToken(token) },
      include: { user: { select: { email: true } } },
    });
    await tx.auditEvent.create({
      data: {
        userId,
        action: "token.create",
        entity: "api_token",
        entityId: String(created.id),
        data: { name: trimmed, prefix: created.prefix },
      },
    });
    return created;
  });
  return { token, view: toView(row) };
}

type TokenRow = {
  id: number;
  userId: number;
  name: string;
  prefix: string;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
  user: { email: string };
};

function toView(row: TokenRow): ApiTokenView {
  return {
    id: row.id,
    userId: row.userId,
    userEmail: row.user.email,
    name: row.name,
    prefix: row.prefix,
    lastUsedAt: row.lastUsedAt,
    revokedAt: row.revokedAt,
    createdAt: row.createdAt,
  };
}

const VIEW_SELECT = {
  id: true,
  userId: true,
  name: true,
  prefix: true,
  lastUsedAt: true,
  revokedAt: true,
  createdAt: true,
  user: { select: { email: true } },
} as const;

/** A user's tokens, newest first; `allUsers` (admins) lists everyone's. Never includes a secret or hash. */
export async function listApiTokens(db: Database, opts: { userId: number; allUsers?: boolean }): Promise<ApiTokenView[]> {
  const rows = await db.prisma.apiToken.findMany({
    where: opts.allUsers ? {} : { userId: opts.userId },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { id: "desc" }],
    select: VIEW_SELECT,
  });
  return rows.map(toView);
}

/**
 * Revokes a token: its owner may, and so may an admin (`anyUser`). Someone else's token is reported
 * as missing, so token ids of other users cannot be probed. Revoking twice keeps the first time.
 */
export async function revokeApiToken(db: Database, tokenId: number, by: { userId: number; anyUser?: boolean }): Promise<ApiTokenView> {
  const found = await db.prisma.apiToken.findUnique({ where: { id: tokenId }, select: VIEW_SELECT });
  if (!found || (!by.anyUser && found.userId !== by.userId)) throw new AppError("NOT_FOUND", `No API token ${tokenId}.`);
  if (found.revokedAt) return toView(found);
  const row = await db.prisma.$transaction(async (tx) => {
    const revoked = await tx.apiToken.update({ where: { id: tokenId }, data: { revokedAt: new Date() }, select: VIEW_SELECT });
    await tx.auditEvent.create({
      data: {
        userId: by.userId,
        action: "token.revoke",
        entity: "api_token",
        entityId: String(tokenId),
        data: { owner: found.userId, prefix: found.prefix },
      },
    });
    return revoked;
  });
  return toView(row);
}

export type TokenOwner = { tokenId: number; userId: number; email: string; name: string; role: string; mustChangePassword: boolean };

const ZTokenHit = z.object({
  tokenId: z.number(),
  hash: z.string(),
  userId: z.number(),
  email: z.string(),
  name: z.string(),
  role: z.string(),
  mustChangePassword: z.boolean(),
});

/**
 * The user a presented token belongs to, or null when the token is unknown, revoked or its user is
 * gone or disabled. The lookup is by sha256 of the token (an equality on a unique index), so response time does
 * not depend on how much of a guessed secret is right; the stored hash is compared once more in
 * constant time.
 */
export async function findTokenOwner(db: Database, presented: string): Promise<TokenOwner | null> {
  if (!looksLikeToken(presented)) return null;
  const hash = hashToken(presented);
  // One round trip: the lookup, and last_used_at written only when it is older than the granularity.
  const row = await queryMaybeOne(
    db.pool,
    sql`WITH hit AS (
       SELECT t.id AS "tokenId", t.token_hash AS hash, u.id AS "userId", u.email, u.name, u.role::text AS role,
              u.must_change_password AS "mustChangePassword"
       FROM api_tokens t JOIN users u ON u.id = t.user_id
       WHERE t.token_hash = ${hash} AND t.revoked_at IS NULL AND u.disabled_at IS NULL
     ), touched AS (
       UPDATE api_tokens t SET last_used_at = now() FROM hit
       WHERE t.id = hit."tokenId" AND (t.last_used_at IS NULL OR t.last_used_at < now() - make_interval(secs => ${LAST_USED_GRANULARITY_SECONDS}))
     )
     SELECT * FROM hit`,
    ZTokenHit,
  );
  if (!row || !timingSafeEqual(Buffer.from(row.hash, "hex"), Buffer.from(hash, "hex"))) return null;
  return {
    tokenId: row.tokenId,
    userId: row.userId,
    email: row.email,
    name: row.name,
    role: row.role,
    mustChangePassword: row.mustChangePassword,
  };
}
