// Lets the node-side type check (tsconfig.tests.json, plain tsc) import .vue files in
// component tests; vue-tsc checks the components themselves (tsconfig.web.json).
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}
