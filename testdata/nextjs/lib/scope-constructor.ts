export class Job {
  constructor() {
    'use cache'
  }
}
