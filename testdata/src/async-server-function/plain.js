export default function () { // want `^This Server Function is not async`
  'use server'
}

module.exports.handler = function handler(req) { // want `Server Function "handler" is not async`
  'use server'
  return req
}
