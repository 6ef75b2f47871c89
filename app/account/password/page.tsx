import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { ChangePasswordForm } from "../_components/change-password-form";

export const dynamic = "force-dynamic";
export const metadata = { title: "Change password · CM-Align Studio" };

export default async function ChangePasswordPage() {
  const user = await currentUser();
  if (!user) redirect("/login?next=/account/password");
  return (
    <div className="max-w-xl space-y-4">
      <h1 className="text-xl font-semibold">Change password</h1>
      {user.mustChangePassword && (
        <p role="status" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          You signed in with a one-time password. Choose your own before using the app.
        </p>
      )}
      <ChangePasswordForm after={user.mustChangePassword ? "/datasets" : null} />
    </div>
  );
}
