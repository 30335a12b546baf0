export default function () { // want `^This Server Function \(the default export\) is not async`
  'use server'
}

module.exports.handler = function handler(req) { // want `Server Function "handler" is not async`
  'use server'
  return req
}
