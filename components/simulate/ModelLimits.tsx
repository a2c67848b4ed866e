// What the model leaves out, next to the simulator: a reader should know what the picture does not show.
import { MODEL_LIMITS } from '@/lib/simulate/model-limits';

export function ModelLimits() {
  return (
    <section aria-labelledby="model-limits" className="mt-6 rounded-xl border border-zinc-200 p-3 text-sm sm:p-4 dark:border-zinc-800">
      <h2 id="model-limits" className="scroll-mt-24 text-base font-semibold">
        What this model leaves out
      </h2>
      <p className="mt-1 text-zinc-700 dark:text-zinc-300">
        The simulator follows the brokers’ rules (and is checked against a real RabbitMQ and Kafka), but it is a model. Keep these in mind
        when you read the picture, or when you write your own scenario in the{' '}
        <a href="#scenario-format" className="text-link">
          scenario format
        </a>
        .
      </p>
      <ul className="mt-2 grid gap-x-6 gap-y-2 md:grid-cols-2">
        {MODEL_LIMITS.map((l) => (
          <li key={l.title}>
            <span className="font-semibold">{l.title}.</span> <span className="text-zinc-700 dark:text-zinc-300">{l.text}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
