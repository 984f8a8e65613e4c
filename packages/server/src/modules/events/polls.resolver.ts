import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../platform/graphql/context.js';
import { Audience, SignedIn } from '../../platform/graphql/authorization.js';
import { Poll, PollOption, PollStatus } from './events.entity.js';
import {
  CreatePollInput,
  PollIdInput,
  PollPayload,
  PollResults,
  VotePollInput,
} from './events.inputs.js';
import * as polls from './polls.service.js';

@Resolver(() => Poll)
export class PollResolver {
  @Mutation(() => PollPayload, { description: 'A draft poll (moderators).' })
  @SignedIn()
  async createPoll(@Arg('input') input: CreatePollInput, @Ctx() context: Context) {
    return {
      poll: await polls.createPoll(
        context,
        input.eventId,
        input.question,
        input.options,
        input.multipleChoice,
      ),
    };
  }

  @Mutation(() => PollPayload)
  @SignedIn()
  async openPoll(@Arg('input') input: PollIdInput, @Ctx() context: Context) {
    return { poll: await polls.setPollStatus(context, input.pollId, PollStatus.OPEN) };
  }

  @Mutation(() => PollPayload)
  @SignedIn()
  async closePoll(@Arg('input') input: PollIdInput, @Ctx() context: Context) {
    return { poll: await polls.setPollStatus(context, input.pollId, PollStatus.CLOSED) };
  }

  @Mutation(() => PollPayload, {
    description: 'One ballot per participant, changeable while the poll is open.',
  })
  @Audience()
  async votePoll(@Arg('input') input: VotePollInput, @Ctx() context: Context) {
    return { poll: await polls.votePoll(context, input.pollId, input.optionIds) };
  }

  @FieldResolver(() => [PollOption])
  options(@Root() poll: Poll, @Ctx() context: Context): Promise<PollOption[]> {
    return polls.pollOptions(context, poll);
  }

  @FieldResolver(() => PollResults, {
    description: 'Counts and percentages of ballots per option.',
  })
  results(@Root() poll: Poll, @Ctx() context: Context): Promise<PollResults> {
    return polls.pollResults(context, poll);
  }

  @FieldResolver(() => [ID], { nullable: true, description: "The options of the viewer's ballot." })
  viewerChoice(@Root() poll: Poll, @Ctx() context: Context): Promise<readonly string[] | null> {
    return polls.viewerBallot(context, poll);
  }
}
