/// Everything the service keeps: jobs, API keys, protection state and the
/// worker registry, and the wake-ups of its queue and its jobs. One engine implements all
/// of it, so it holds across processes sharing that engine.
public typealias ServiceStore = JobStore & KeyStore & ProtectionStore & WorkerRegistry & QueueWakeups & JobChanges & IdempotencyStore & WebhookStore
