import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

// The password check of the embedded database's wire port (see PGliteServer): the client is asked
// for a cleartext password (loopback only) and must send the secret kept in CM_DATA_DIR.

/** AuthenticationCleartextPassword: 'R', length 8, code 3. */
export const ASK_PASSWORD = Buffer.from([0x52, 0, 0, 0, 8, 0, 0, 0, 3]);
const PASSWORD_MESSAGE = 0x70; // 'p'

export function newSecret(): string {
  return randomBytes(32).toString("base64url");
}

const digest = (bytes: Buffer) => createHash("sha256").update(bytes).digest();

/** Whether a PasswordMessage ('p', int32 length, password, NUL) carries `secret` (constant time). */
export function passwordMatches(message: Buffer, secret: string): boolean {
  if (message.length < 6 || message[0] !== PASSWORD_MESSAGE || message[message.length - 1] !== 0) return false;
  return timingSafeEqual(digest(message.subarray(5, message.length - 1)), digest(Buffer.from(secret, "utf8")));
}

/** A FATAL ErrorResponse, SQLSTATE 28P01 (invalid_password), sent before the connection is closed. */
export function passwordRefused(): Buffer {
  const text = "password authentication failed: the embedded database accepts only clients given the secret in CM_DATA_DIR";
  const fields = Buffer.from(`SFATAL\0VFATAL\0C28P01\0M${text}\0\0`, "utf8");
  const head = Buffer.alloc(5);
  head[0] = 0x45; // 'E'
  head.writeInt32BE(4 + fields.length, 1);
  return Buffer.concat([head, fields]);
}
