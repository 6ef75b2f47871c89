"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction } from "@/lib/action";
import { createUser, resetPassword, setDatasetMembers, setUserDisabled, setUserRole, updateUser, ZNewUser } from "@/lib/auth/accounts";
import { ROLES } from "@/lib/auth/roles";
import { requireActor } from "@/lib/auth/session";
import { ZSlug } from "@/lib/datasets/schemas";
import { getDatabase } from "@/lib/db/client";
import { ZId, ZLanguageCodes } from "@/lib/input-limits";

/** Review languages as typed: codes separated by commas or spaces; empty = all. An error names the bad code. */
const ZLanguageList = z.preprocess((v) => (typeof v === "string" ? v.split(/[\s,;]+/).filter(Boolean) : v), ZLanguageCodes);

export async function createUserAction(input: unknown) {
  const result = await runAction(ZNewUser.extend({ languages: ZLanguageList }), input, async (user) => {
    const actor = await requireActor("manage");
    // The admin knows it, so it only opens the first sign-in, which must replace it.
    return createUser(await getDatabase(), { ...user, mustChangePassword: true }, actor.userId);
  });
  if (result.ok) revalidatePath("/admin/users");
  return result;
}

export async function setRoleAction(input: unknown) {
  const result = await runAction(z.object({ userId: ZId, role: z.enum(ROLES) }), input, async ({ userId, role }) => {
    const actor = await requireActor("manage");
    await setUserRole(await getDatabase(), userId, role, actor.userId);
    return { userId, role };
  });
  if (result.ok) revalidatePath("/admin/users");
  return result;
}

/** The languages a user reviews (empty = all); the review queue hands them pairs in these only. */
export async function setLanguagesAction(input: unknown) {
  const result = await runAction(z.object({ userId: ZId, languages: ZLanguageList }), input, async ({ userId, languages }) => {
    const actor = await requireActor("manage");
    const user = await updateUser(await getDatabase(), { userId }, { languages }, actor.userId);
    return { email: user.email, languages: user.languages };
  });
  if (result.ok) revalidatePath("/admin/users");
  return result;
}

const ZMembers = z.object({ slug: ZSlug, emails: z.string().max(20_000) });

export async function setMembersAction(input: unknown) {
  const result = await runAction(ZMembers, input, async ({ slug, emails }) => {
    const actor = await requireActor("manage");
    return setDatasetMembers(await getDatabase(), slug, emails.split(/[\s,;]+/), actor.userId);
  });
  if (result.ok) revalidatePath("/admin/users");
  return result;
}

const ZUserId = z.object({ userId: ZId });

/** Disables or enables an account; disabling ends its sessions and revokes its API tokens. */
export async function setDisabledAction(input: unknown) {
  const result = await runAction(ZUserId.extend({ disabled: z.boolean() }), input, async ({ userId, disabled }) => {
    const actor = await requireActor("manage");
    return setUserDisabled(await getDatabase(), { userId }, disabled, actor.userId);
  });
  if (result.ok) revalidatePath("/admin/users");
  return result;
}

/** A new one-time password, shown once to the admin; the user's sessions end and tokens are revoked. */
export async function resetPasswordAction(input: unknown) {
  return runAction(ZUserId, input, async ({ userId }) => {
    const actor = await requireActor("manage");
    const { email, password } = await resetPassword(await getDatabase(), { userId }, actor.userId);
    return { email, oneTimePassword: password };
  });
}
