"use client";

import { useEffect } from "react";

/**
 * Filters are plain GET forms (the URL is their state), and a browser submits every field, so a
 * filter on one language would read `?lang=de&status=&origin=&minMargin=…`. Before any GET form of
 * the page is submitted, its empty fields are taken out of the form data (the `formdata` event
 * bubbles to the document), so filtered URLs name only what filters.
 */
export function DropEmptyParams() {
  useEffect(() => {
    const onFormData = (event: FormDataEvent) => {
      const form = event.target;
      if (!(form instanceof HTMLFormElement) || form.method.toLowerCase() !== "get") return;
      for (const key of new Set(event.formData.keys())) {
        const kept = event.formData.getAll(key).filter((v) => v !== "");
        event.formData.delete(key);
        for (const v of kept) event.formData.append(key, v);
      }
    };
    document.addEventListener("formdata", onFormData);
    return () => document.removeEventListener("formdata", onFormData);
  }, []);
  return null;
}
