// The JSON-LD context of learning-passport's own terms, to be served at
// https://learning-passport.org/contexts/v1 (the package bundles it, so nothing fetches it).
//
// `learningPassport` holds each entry kind's fields. It is a JSON literal (`@type: @json`): the
// RDF canonical form carries its JCS serialization, so an eddsa-rdfc-2022 proof covers every
// field of every kind, now and in future versions, without one RDF term per field, and the kind
// schemas stay the single definition of the fields.
export default {
  '@context': {
    '@protected': true,
    learningPassport: {
      '@id': 'https://learning-passport.org/ns#learningPassport',
      '@type': '@json',
    },
  },
};
