import type { Metadata } from 'next';
import { RoutingTool } from '@/components/routing/RoutingTool';

export const metadata: Metadata = {
  title: 'Routing',
  description: 'Where does a message go? Route through RabbitMQ exchanges and find the Kafka partition of a key.',
};

export default function RoutingPage() {
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight text-balance text-zinc-950 sm:text-4xl dark:text-white">
        Where does my message go?
      </h1>
      <p className="mt-4 max-w-3xl text-lg text-pretty text-zinc-700 dark:text-zinc-300">
        Two working tools: route a message through RabbitMQ exchanges (your own topology too, from a definitions export), and see which
        Kafka partition each key lands on under each client. Everything runs in your browser, and the address bar keeps your setup so you
        can share it.
      </p>
      <div className="mt-8">
        <RoutingTool />
      </div>
    </div>
  );
}
