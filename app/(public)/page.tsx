import { getTranslations } from "next-intl/server";

const FEATURES = ["vault", "consent", "history", "catalogue", "security"] as const;
const STEPS = ["howStep1", "howStep2", "howStep3"] as const;

export default async function LandingPage() {
  const t = await getTranslations("landing");
  return (
    <div className="space-y-12">
      <section aria-labelledby="hero-title" className="rounded-lg bg-brand px-6 py-10 text-white sm:px-10">
        <h1 id="hero-title" className="text-3xl font-bold sm:text-4xl">
          {t("heroTitle")}
        </h1>
        <p className="mt-4 max-w-2xl text-lg">{t("heroText")}</p>
      </section>

      <section aria-labelledby="features-title">
        <h2 id="features-title" className="text-2xl font-bold">
          {t("featuresTitle")}
        </h2>
        <ul className="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {FEATURES.map((key) => (
            <li key={key} className="rounded-lg border border-gray-300 p-5">
              <h3 className="text-lg font-semibold text-brand">{t(`${key}Title`)}</h3>
              <p className="mt-2 text-muted">{t(`${key}Text`)}</p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="how-title">
        <h2 id="how-title" className="text-2xl font-bold">
          {t("howTitle")}
        </h2>
        <ol className="mt-4 list-decimal space-y-2 pl-6">
          {STEPS.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ol>
      </section>
    </div>
  );
}
