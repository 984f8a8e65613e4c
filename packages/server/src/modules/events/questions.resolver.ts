import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../platform/graphql/context.js';
import { Audience, SignedIn } from '../../platform/graphql/authorization.js';
import { Question } from './events.entity.js';
import {
  AskQuestionInput,
  ModerateQuestionInput,
  QuestionIdInput,
  QuestionPayload,
  QuestionsArgs,
} from './events.inputs.js';
import { viewerUpvoted } from './events.reads.js';
import * as questions from './questions.service.js';

@Resolver(() => Question)
export class QuestionResolver {
  @Query(() => [Question], {
    description: 'The audience sees approved and answered questions; moderators any status.',
  })
  @Audience()
  questions(@Args() args: QuestionsArgs, @Ctx() context: Context): Promise<Question[]> {
    return questions.listQuestions(context, args);
  }

  @Mutation(() => QuestionPayload)
  @Audience()
  async askQuestion(@Arg('input') input: AskQuestionInput, @Ctx() context: Context) {
    return {
      question: await questions.askQuestion(context, input.eventId, input.body, input.anonymous),
    };
  }

  @Mutation(() => QuestionPayload, { description: 'One upvote per participant; again is a no-op.' })
  @Audience()
  async upvoteQuestion(@Arg('input') input: QuestionIdInput, @Ctx() context: Context) {
    return { question: await questions.setUpvote(context, input.questionId, true) };
  }

  @Mutation(() => QuestionPayload)
  @Audience()
  async removeUpvote(@Arg('input') input: QuestionIdInput, @Ctx() context: Context) {
    return { question: await questions.setUpvote(context, input.questionId, false) };
  }

  @Mutation(() => QuestionPayload, { description: "The organisation's moderators and up." })
  @SignedIn()
  async moderateQuestion(@Arg('input') input: ModerateQuestionInput, @Ctx() context: Context) {
    return { question: await questions.moderateQuestion(context, input.questionId, input.action) };
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "The asker's name; null for anonymous questions.",
  })
  authorName(@Root() question: Question, @Ctx() context: Context): Promise<string | null> {
    return questions.questionAuthorName(context, question);
  }

  @FieldResolver(() => Boolean)
  viewerUpvoted(@Root() question: Question, @Ctx() context: Context): Promise<boolean> {
    return viewerUpvoted(context).load(question.id).then(Boolean);
  }
}
