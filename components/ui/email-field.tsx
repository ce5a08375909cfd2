import type { ComponentProps } from "react";
import { TextField, type FieldProps } from "./field";

type Props = FieldProps & Omit<ComponentProps<"input">, "id" | "className" | "type">;

/**
 * The e-mail address every account form asks for: named "email" (the server actions and the e2e
 * tests find it so), required, and at most 254 characters, the longest address SMTP carries (RFC 5321).
 * A form that signs in passes autoComplete="username" so that password managers pair it with the password.
 */
export function EmailField(props: Props) {
  return <TextField name="email" type="email" autoComplete="email" required maxLength={254} {...props} />;
}
