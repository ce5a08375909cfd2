/**
 * The mail relay of the end-to-end suite: a real SMTP server (smtp-server) that the app under test
 * sends to, plus a small HTTP endpoint from which tests read what it received. Started by Playwright
 * as a web server, before the app.
 *   GET /messages?to=<address>  → the messages for that recipient, oldest first
 */
import { createServer } from "node:http";
import { startSmtpTestServer } from "@/lib/testing/smtp-test-server";
import { SMTP_CAPTURE_HTTP_PORT as HTTP_PORT, SMTP_CAPTURE_PORT as SMTP_PORT } from "./environment";

const smtp = await startSmtpTestServer({ port: SMTP_PORT });

createServer((request, response) => {
  const url = new URL(request.url ?? "/", "http://localhost");
  if (url.pathname === "/health") return void response.end("ok");
  if (url.pathname !== "/messages") return void response.writeHead(404).end();
  const to = url.searchParams.get("to")?.toLowerCase();
  const messages = smtp.received
    .filter((mail) => !to || mail.envelopeTo.some((address) => address.toLowerCase() === to))
    .map((mail) => ({ to: mail.envelopeTo, subject: mail.subject, text: mail.text }));
  response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(messages));
}).listen(HTTP_PORT, "127.0.0.1");

console.log(`SMTP capture on ${smtp.url}, messages on http://127.0.0.1:${HTTP_PORT}/messages`);
