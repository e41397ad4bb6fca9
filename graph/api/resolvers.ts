/** The complete resolver map, typed against schema.graphql by the generated `Resolvers` type. */
import { analyticsQueryResolvers } from './analytics-resolvers';
import type { Resolvers } from './generated/schema-types';
import { intakeMutationResolvers, intakeQueryResolvers } from './intake-resolvers';
import { mapMutationResolvers, mapQueryResolvers, mapTypeResolvers } from './map-resolvers';
import { mutationResolvers } from './mutation-resolvers';
import { queryResolvers } from './query-resolvers';
import { typeResolvers } from './type-resolvers';

export const resolvers: Resolvers = {
  ...typeResolvers,
  ...mapTypeResolvers,
  Query: { ...queryResolvers, ...analyticsQueryResolvers, ...intakeQueryResolvers, ...mapQueryResolvers },
  Mutation: { ...mutationResolvers, ...intakeMutationResolvers, ...mapMutationResolvers },
};
