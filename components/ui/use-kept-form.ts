"use client";
import { startTransition, type FormEvent } from "react";

/**
 * React resets a form after its action runs, which would wipe what a person typed when the server
 * refuses one field. Submitting through onSubmit keeps the inputs; `action` stays on the form for the
 * moments before hydration, so it still works without JavaScript.
 */
export function keepInputsOnSubmit(dispatch: (form: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(() => dispatch(form));
  };
}
