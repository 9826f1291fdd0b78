/**
 * One complete, valid Pattern Usage Report about the starter content's circuit-breaker
 * page, shared by the template, service and CLI tests (each may vary fields with a spread).
 */
export const PATTERN_USAGE_VALUES = {
  pattern: 'pattern-library/resilience/circuit-breaker',
  company: 'Example Corp',
  scale: '50K req/s',
  duration: '2 years',
  implementation: 'In the client library.',
  outcomes: { performance: 'p99 2 s → 300 ms', reliability: 'Fewer cascades.', operational: '' },
  lessons: 'Tune per dependency.',
  recommend: { answer: 'yes', why: 'Cheap insurance.' },
};
