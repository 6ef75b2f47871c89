import { listUsers } from "@/lib/auth/accounts";
import { abilities, pageActor } from "@/lib/auth/page-guard";
import { getDatabase } from "@/lib/db/client";
import { listDatasets } from "@/lib/datasets/queries";
import { AccountControls } from "./_components/account-controls";
import { CreateUserForm } from "./_components/create-user-form";
import { LanguagesForm } from "./_components/languages-form";
import { MembersForm } from "./_components/members-form";
import { RoleSelect } from "./_components/role-select";

export const dynamic = "force-dynamic";
export const metadata = { title: "Users · CM-Align Studio" };

export default async function UsersPage() {
  const actor = await pageActor();
  if (!abilities(actor).manage) return <p className="text-sm text-slate-600">Only admins manage users.</p>;
  const [users, datasets] = await Promise.all([listUsers(await getDatabase()), listDatasets()]);
  const membersOf = new Map<string, string[]>();
  for (const u of users) for (const slug of u.datasets) membersOf.set(slug, [...(membersOf.get(slug) ?? []), u.email]);
  return (
    <div className="max-w-5xl space-y-6">
      <h1 className="text-xl font-semibold">Users</h1>
      <section className="rounded-lg bg-white p-4 shadow-sm">
        <h2 className="mb-1 font-medium">Roles</h2>
        <p className="text-sm text-slate-600">
          <b>admin</b>: everything, including users, providers, datasets, runs · <b>reviewer</b>: review pairs, correct references, export ·{" "}
          <b>viewer</b>: read only.
        </p>
      </section>
      <section className="overflow-x-auto rounded-lg bg-white p-4 shadow-sm">
        <table className="w-full text-sm" aria-label="Users">
          <thead className="text-left text-slate-600">
            <tr>
              <th className="py-1 pr-4">Email</th>
              <th className="py-1 pr-4">Name</th>
              <th className="py-1 pr-4">Role</th>
              <th className="py-1 pr-4" title="The team review queue hands a reviewer pairs in these languages only; empty = all">
                Review languages
              </th>
              <th className="py-1 pr-4">Restricted datasets</th>
              <th className="py-1">Account</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} className="border-t border-slate-100" data-testid={`user-${u.email}`}>
                <td className="py-1 pr-4 font-mono">
                  {u.email}
                  {u.disabled && <span className="ml-2 rounded bg-slate-200 px-1 font-sans text-xs text-slate-700">disabled</span>}
                </td>
                <td className="py-1 pr-4">{u.name}</td>
                <td className="py-1 pr-4">
                  <RoleSelect userId={u.id} email={u.email} role={u.role} />
                </td>
                <td className="py-1 pr-4">
                  <LanguagesForm userId={u.id} email={u.email} languages={u.languages} />
                </td>
                <td className="py-1 pr-4 font-mono text-xs">{u.datasets.join(", ") || "–"}</td>
                <td className="py-1">
                  <AccountControls userId={u.id} email={u.email} disabled={u.disabled} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="rounded-lg bg-white p-4 shadow-sm">
        <h2 className="mb-3 font-medium">New user</h2>
        <CreateUserForm />
      </section>
      <section className="rounded-lg bg-white p-4 shadow-sm">
        <h2 className="mb-1 font-medium">Dataset members</h2>
        <p className="mb-3 text-sm text-slate-600">
          A dataset with members is visible only to them and to admins; with no members every signed-in user sees it.
        </p>
        <ul className="space-y-3">
          {datasets.map((d) => (
            <li key={d.id}>
              <MembersForm slug={d.slug} name={d.name} emails={membersOf.get(d.slug) ?? []} />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
